import { memo } from 'react';

/** One piece of a long text: a block of its own, laid out once. */
const Piece = memo(function Piece({ text }: { text: string }) {
  return <span className="rv-piece">{text}</span>;
});

/**
 * A long text given in pieces cut at line ends (`useStepPayload().pieces`), each its own block: appending a piece
 * lays out that piece alone, so the twentieth "Load more" of a 20 MB output costs what the first did. Put it in
 * a `pre`; the pieces read as one text.
 */
export function TextPieces({ pieces }: { pieces: readonly string[] }) {
  return (
    <>
      {pieces.map((piece, index) => (
        // Pieces only ever grow at the end: the index is their identity.
        <Piece key={index} text={piece} />
      ))}
    </>
  );
}
