// Azure Bot Service mode: the Direct Line secret stays on the server and the page gets a short-lived
// token for one conversation (learn.microsoft.com/en-us/bot-framework/rest-api/bot-framework-rest-direct-line-3-0-authentication).
import { z } from 'zod';

export const AZURE_TOKEN_URL = 'https://directline.botframework.com/v3/directline/tokens/generate';

const TokenResponse = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().int().positive(),
});
export type DirectLineToken = z.infer<typeof TokenResponse>;

export class TokenExchangeError extends Error {
  constructor(readonly status: number | undefined, message: string) {
    super(message);
    this.name = 'TokenExchangeError';
  }
}

export interface ExchangeOptions {
  secret: string;
  /** "dl_…" user id bound into the token, so the user cannot be impersonated */
  userId: string;
  url?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function exchangeSecret(o: ExchangeOptions): Promise<DirectLineToken> {
  let res: Response;
  try {
    res = await (o.fetch ?? fetch)(o.url ?? AZURE_TOKEN_URL, {
      method: 'POST',
      headers: { authorization: `Bearer ${o.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: o.userId } }),
      signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
    });
  } catch (err) {
    throw new TokenExchangeError(undefined, `Direct Line is not reachable: ${(err as Error).name}`);
  }
  if (!res.ok) throw new TokenExchangeError(res.status, `Direct Line refused the token request (HTTP ${res.status})`);
  const parsed = TokenResponse.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new TokenExchangeError(res.status, 'Direct Line answered with an unexpected token response');
  return parsed.data;
}
