import { noteSegments } from '../../../src/contexts/conversations/domain/mentions';

/** A note's text with each mention as a chip with the colleague's name: the markup never shows. */
export function NoteBody({ text }: { text: string }) {
  return (
    <p className="font-sans text-sm whitespace-pre-wrap text-slate-800" data-testid="note-text">
      {noteSegments(text).map((segment, index) =>
        segment.kind === 'mention' ? (
          <span key={index} className="rounded bg-amber-200/70 px-1 font-medium text-amber-950" data-testid="mention" data-user-id={segment.userId}>
            @{segment.name}
          </span>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
