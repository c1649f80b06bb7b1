import { stateLabel, type SaveState } from './save-state';

/** The draft's state in words, announced politely as it changes. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p role="status" className={`save-status save-status--${state.kind}`}>
      {stateLabel(state)}
    </p>
  );
}
