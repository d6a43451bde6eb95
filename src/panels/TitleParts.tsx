import { Fragment } from 'react';

/**
 * A panel title's parts joined by " · ", each kept on one line: in a narrow column (the lecture view's
 * equations at 1280 px, with a layer) the title breaks between parts, never inside "t = 5".
 */
export function TitleParts({ parts }: { parts: readonly (string | false)[] }) {
  return parts.filter((p) => p !== false).map((p, i) => (
    <Fragment key={i}>{i > 0 && ' · '}<span className="title-part">{p}</span></Fragment>
  ));
}
