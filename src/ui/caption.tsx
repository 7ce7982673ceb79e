/** A caption or notes in the safe Markdown subset (src/data/caption.ts), as React elements only. */
import { Fragment } from 'react';
import { parseCaption, type Span } from '../data/caption';

function Spans({ spans }: { spans: Span[] }) {
  return (
    <>
      {spans.map((span, i) =>
        span.style === 'strong' ? (
          <strong key={i}>{span.text}</strong>
        ) : span.style === 'em' ? (
          <em key={i}>{span.text}</em>
        ) : (
          <Fragment key={i}>{span.text}</Fragment>
        ),
      )}
    </>
  );
}

export function Caption({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {parseCaption(text).map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i}>
            <Spans spans={block.spans} />
          </p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Spans spans={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
