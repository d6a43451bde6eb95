/**
 * Keeps one panel's failure to itself: the rest of the page goes on working, and the panel says what
 * went wrong and offers to try again.
 */
import { Component, type ReactNode } from 'react';

interface Props { name: string; children: ReactNode }
interface State { error: Error | null }

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="panel" aria-label={this.props.name}>
        <p className="message message-error" role="alert">
          The {this.props.name.toLowerCase()} panel stopped: {this.state.error.message}.
          <button type="button" className="text-button" onClick={() => this.setState({ error: null })}>Try again</button>
        </p>
      </section>
    );
  }
}
