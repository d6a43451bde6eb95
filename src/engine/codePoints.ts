/**
 * How messages name characters that don't show. Text from a user or a file is quoted in messages, and some
 * characters in it would hide (a zero-width space), or act on what surrounds them: a right-to-left override
 * turns the rest of a line around, an escape sequence recolours or clears a terminal. Those are written by
 * code point instead.
 */

const hex = (ch: string) => ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** A character by code point, as a note names it: U+202E. */
export const codePoint = (ch: string): string => `U+${hex(ch)}`;

/** Whether a character doesn't show, or acts on the text around it (a space shows, as a gap). */
export const isInvisible = (ch: string): boolean => /^[\p{C}\p{Z}]$/u.test(ch) && ch !== ' ';

/**
 * A character as a message names it: by code point if it doesn't show, else quoted. In double quotes as
 * JSON writes a string, or in single quotes where double quotes would be read as part of what is named
 * (a JSON reader's message).
 */
export const characterName = (ch: string, quote: '"' | "'" = '"'): string =>
  isInvisible(ch) ? codePoint(ch) : quote === '"' ? JSON.stringify(ch) : `'${ch}'`;

/** Text with its control and format characters and line separators written as JSON writes them: \u202E. */
export const escapeInvisible = (text: string): string => text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (ch) => `\\u${hex(ch)}`);
