import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { meanPoolNormalized } from './meanPool';

/**
 * One model call for already-prefixed texts, as the feature-extraction pipeline does it (pad, truncate,
 * run, take `last_hidden_state`), but pooled by `meanPoolNormalized`. Shared by the Node embedder and
 * the plugin's worker, so both give the same vectors.
 */
export async function embedPipelineBatch(extractor: FeatureExtractionPipeline, texts: string[]): Promise<Float32Array[]> {
  const inputs = extractor.tokenizer(texts, { padding: true, truncation: true }) as { attention_mask: { data: ArrayLike<number | bigint> } };
  const outputs = (await extractor.model(inputs)) as Record<string, { data: ArrayLike<number>; dims: number[] } | undefined>;
  const states = outputs.last_hidden_state ?? outputs.logits ?? outputs.token_embeddings;
  if (!states) throw new Error('The model returned no token vectors (no last_hidden_state).');
  return meanPoolNormalized(states, inputs.attention_mask.data);
}
