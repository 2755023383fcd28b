// An error a person can act on: what happened in their language, a retry
// when trying again can help, and the request id to quote to an administrator.
import { ApiError, messageOf } from "../api/client";
import { t } from "../i18n";

export function ErrorBox({ error, retry, id }: { error: unknown; retry?: () => void; id?: string }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  if (!api) console.error(error);
  return (
    <div class="error-box" role="alert" id={id}>
      <p class="error">{messageOf(error)}</p>
      {api?.requestId && <p class="muted">{t().requestId(api.requestId)}</p>}
      {retry && (!api || api.retryable) && (
        <button type="button" class="retry" onClick={retry}>
          {t().retry}
        </button>
      )}
    </div>
  );
}
