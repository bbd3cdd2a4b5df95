import { Component, type ReactNode } from 'react';

export type Props = {
  /** Told once about the error; the app then ends with exit code 1 and one line on stderr. */
  readonly onError: (error: Error) => void;
  readonly children?: ReactNode;
};

type State = { readonly failed: boolean };

/** Catches a render error anywhere below, so a bug in a panel ends the app cleanly instead of tearing the terminal. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
