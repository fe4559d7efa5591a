import type { HttpErrorDetail } from '../../api/types.js';
import { parseHttpErrorBody } from '../../core/parsePayload.js';
import { JsonBlock } from '../shared/JsonBlock.js';
import { CopyButton } from '../shared/CopyButton.js';
import { useUi } from '../shared/useUi.js';

export interface HttpErrorViewProps {
  http: HttpErrorDetail;
  /** The error message from the step, shown above the response. Defaults to none. */
  message?: string;
}

/** An HTTP error response: status code, response headers, and the body (parsed when it is JSON). */
export function HttpErrorView({ http, message }: HttpErrorViewProps) {
  const { text } = useUi();
  const body = parseHttpErrorBody(http.body, http.headers);
  const headers = Object.entries(http.headers);
  return (
    <div className="rv-http" data-http-status={http.status}>
      <div className="rv-http__status">
        <span>
          {text.httpStatus} {http.status}
        </span>
        <CopyButton value={String(http.status)} what={text.httpStatus} />
      </div>
      {message && <p className="rv-text">{message}</p>}
      {headers.length > 0 && (
        <div>
          <div className="rv-http__label">{text.httpHeaders}</div>
          <dl className="rv-http__headers">
            {headers.map(([name, value]) => (
              <div key={name} className="rv-summary__item">
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <div>
        <div className="rv-http__label">{text.httpBody}</div>
        {body.kind === 'json' ? (
          <JsonBlock value={body.value} label={text.httpBody} />
        ) : (
          <pre className="rv-raw">{http.body}</pre>
        )}
      </div>
    </div>
  );
}
