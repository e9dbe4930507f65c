import { z } from 'zod';
import { ProviderError } from './providerError';
import type { ChatModel, ChatRequest, ChatResponse } from './types';

/** What `completeJson` hands back: the validated value and the raw answer (for the audit log). */
export interface JsonCompletion<T, R extends ChatResponse = ChatResponse> {
  data: T;
  /** The answer that produced `data`; with a `RedactingChatModel` it also says what was sent. */
  response: R;
  /** The first answer failed and the repair attempt produced `data`. */
  repaired: boolean;
}

const JSON_INSTRUCTION =
  'Antwoord uitsluitend met één geldig JSON-object dat aan dit schema voldoet, zonder uitleg en zonder codeblok.';

/**
 * The JSON text inside a model answer: without ```json fences, and when prose surrounds it, the
 * outermost `{…}` or `[…]`. Returns the trimmed answer when nothing JSON-like is found.
 */
export function extractJsonText(answer: string): string {
  let text = answer.trim();
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)\n?\s*```/.exec(text);
  if (fenced?.[1] !== undefined) text = fenced[1].trim();
  if (text.startsWith('{') || text.startsWith('[')) return text;
  const open = text.search(/[{[]/);
  if (open < 0) return text;
  const close = text[open] === '{' ? text.lastIndexOf('}') : text.lastIndexOf(']');
  return close > open ? text.slice(open, close + 1) : text;
}

type Checked<T> = { ok: true; data: T } | { ok: false; problem: string };

/** Parses and validates one answer; never returns a partly valid value. */
export function checkJsonAnswer<T>(answer: string, schema: z.ZodType<T>): Checked<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(extractJsonText(answer));
  } catch (error) {
    return { ok: false, problem: `geen geldige JSON / not valid JSON: ${(error as Error).message}` };
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problem: z.prettifyError(result.error) };
}

function schemaText(schema: z.ZodType): string {
  try {
    return JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }));
  } catch {
    // Transforms and the like have no JSON Schema; the validator still checks the answer.
    return '';
  }
}

/**
 * Asks `model` for JSON and validates it against `schema`. On a parse or validation failure the
 * model gets ONE chance to repair, with the problem spelled out; after that a `ProviderError` of kind
 * `malformed`. Whatever the model says, the caller gets either a fully valid value or an error.
 */
export async function completeJson<T, R extends ChatResponse = ChatResponse>(
  model: Pick<ChatModel, 'config'> & { complete(request: ChatRequest): Promise<R> },
  request: Omit<ChatRequest, 'json' | 'onToken'>,
  schema: z.ZodType<T>,
): Promise<JsonCompletion<T, R>> {
  const described = schemaText(schema);
  const system = `${request.system}\n\n${JSON_INSTRUCTION}${described ? `\nSchema: ${described}` : ''}`;
  const first = await model.complete({ ...request, system, json: true });
  const firstCheck = checkJsonAnswer(first.text, schema);
  if (firstCheck.ok) return { data: firstCheck.data, response: first, repaired: false };

  const repairRequest: ChatRequest = {
    ...request,
    system,
    json: true,
    messages: [
      ...request.messages,
      { role: 'assistant', content: first.text },
      {
        role: 'user',
        content:
          `Je vorige antwoord was niet bruikbaar: ${firstCheck.problem}\n` +
          'Geef hetzelfde antwoord opnieuw als één geldig JSON-object volgens het schema, zonder uitleg.',
      },
    ],
  };
  const second = await model.complete(repairRequest);
  const secondCheck = checkJsonAnswer(second.text, schema);
  if (secondCheck.ok) return { data: secondCheck.data, response: second, repaired: true };
  throw new ProviderError('malformed', {
    preset: model.config.preset,
    baseUrl: model.config.baseUrl,
    model: model.config.model,
    detail: `ook na een herstelpoging / even after one repair attempt: ${secondCheck.problem}`,
  });
}
