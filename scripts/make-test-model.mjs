#!/usr/bin/env node
/**
 * Writes `visiewijzer-tiny`, a tiny BERT-like feature-extraction model, so tests can run the real
 * transformers.js pipeline without the network. It proves the pipeline, not retrieval quality.
 *
 * Usage: `npm run make-test-model -- DIR` (default `.test-model/visiewijzer-tiny`). DIR becomes a model
 * folder in the Hugging Face hub layout: config.json, tokenizer.json, tokenizer_config.json,
 * special_tokens_map.json, onnx/model.onnx (fp32) and onnx/model_quantized.onnx (int8 weights).
 *
 * The output is byte-for-byte the same on every run: every weight is seeded from a token's text, so the
 * same word always gets the same vector and similarity behaves like a bag of words.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** Vector size; the same as multilingual-e5-small so stores and tests see realistic shapes. */
export const DIM = 384;
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

// Lowercase, accent-free Dutch school words (the normalizer strips accents before lookup).
const WORDS = `
de het een en of maar want dus omdat als dan dat die dit deze wat wie waar hoe waarom wanneer welke
in op aan bij met voor van naar door uit over onder tussen na tot om zonder tijdens binnen buiten
is zijn was waren wordt worden werd kan kunnen mag mogen moet moeten wil willen zal zullen heeft
hebben had doen doet gaat gaan komt komen maakt maken laat laten krijgt krijgen geeft geven houdt
houden staat staan ziet zien weet weten denkt denken zegt zeggen vindt vinden
we wij ze zij hij zich hun hen ons onze je jij jouw u uw ik mijn elkaar iedereen ieder elke alle
niet geen wel ook nog al heel veel meer minder vaak soms altijd nooit samen zelf eigen goed beter
nieuw nieuwe eerst daarna per week jaar dag vandaag morgen tijd doel doelen
school scholen klas klassen groep groepen les lessen lokaal team teams leerjaar jaarplan schoolplan
leerling leerlingen kind kinderen leraar leraren leerkracht leerkrachten docent docenten mentor
ouder ouders directeur schoolleider bestuur intern begeleider onderwijsassistent stagiair
onderwijs leren leert werken werkt werk spelen speelt lezen leest schrijven schrijft rekenen rekent
taal spelling begrijpend woordenschat wiskunde aardrijkskunde geschiedenis natuur techniek muziek
gym bewegen tekenen kunst engels burgerschap wereldoriëntatie
visie missie kernwaarde kernwaarden pijler pijlers ambitie ambities beleid speerpunt speerpunten
eigenaarschap samenwerken samenwerking vertrouwen verantwoordelijkheid creativiteit betrokkenheid
veiligheid veilig nieuwsgierig nieuwsgierigheid respect zelfstandig zelfstandigheid autonomie
relatie competentie motivatie welbevinden groei ontwikkeling talent talenten
planning plannen kiezen kiest keuze keuzes vragen vraag vraagt stellen stelt antwoord antwoorden
uitleg uitleggen instructie verlengde zelfstandige verwerking oefenen oefent inoefening feedback
terugblik vooruitblik reflectie reflecteren evaluatie evalueren lesdoel lesdoelen succescriteria
differentiatie niveau niveaus tempo aanpak werkvorm werkvormen coöperatief opdracht opdrachten
taak taken toets toetsen toetsing resultaat resultaten opbrengst opbrengsten observatie observeren
kijkwijzer flitsbezoek lesbezoek gesprek gesprekken coaching coachen ondersteuning zorg
pesten pestprotocol verzuim gedrag regels afspraken sfeer rust structuur klimaat
ict digitaal computer chromebook ai privacy gegevens
boek boeken schrift planbord vragenmuur weektaak dagtaak hoek bord
kleuters onderbouw middenbouw bovenbouw vmbo havo vwo po vo sbo mr
leesmotivatie leesplezier rekenles taalles projecten project thema onderzoek onderzoeken
ontdekken ontdekt proberen probeert fouten fout helpen helpt hulp luisteren luistert praten praat
vertellen vertelt bespreken bespreekt delen deelt presenteren presenteert zorgen zorgt
`;

// Word endings and glue so unseen words split into known pieces instead of [UNK].
const SUFFIXES = `
##en ##s ##e ##n ##t ##d ##te ##de ##ten ##den ##er ##ers ##heid ##heden ##schap ##ing ##ingen
##lijk ##lijke ##ig ##ige ##isch ##je ##jes ##tje ##tjes ##baar ##loos ##zaam ##ste ##st ##ie ##ies
##werk ##plan ##les ##taal ##tijd ##groep ##doel ##vorm ##kracht
`;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const PUNCTUATION = '.,;:!?\'"()[]{}-_/\\&%#*+=<>@|~`$^'.split('');

/** The WordPiece vocabulary in a fixed order: specials, words, suffixes, letters, punctuation. */
export function buildVocabulary() {
  const stripAccents = (word) => word.normalize('NFD').replace(/\p{Mn}/gu, '');
  const ordered = [
    ...SPECIAL_TOKENS,
    ...WORDS.split(/\s+/).filter(Boolean).map(stripAccents),
    ...SUFFIXES.split(/\s+/).filter(Boolean),
    ...LETTERS,
    ...LETTERS.map((letter) => `##${letter}`),
    ...PUNCTUATION,
  ];
  return [...new Set(ordered)];
}

/** FNV-1a over the UTF-8 bytes of `text`: the seed for that token's weights. */
function hashText(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: small, fast and the same on every platform. */
function randomSource(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` values from a normal distribution with standard deviation `scale`, seeded by `text`. */
function seededNormals(text, count, scale) {
  const next = randomSource(hashText(text));
  const values = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - next())) * scale;
    const angle = 2 * Math.PI * next();
    values[i] = radius * Math.cos(angle);
    if (i + 1 < count) values[i + 1] = radius * Math.sin(angle);
  }
  return values;
}

function buildWeights(vocabulary) {
  const wordTable = new Float32Array(vocabulary.length * DIM);
  vocabulary.forEach((token, row) => {
    wordTable.set(seededNormals(`token:${token}`, DIM, 1), row * DIM);
  });
  const typeTable = seededNormals('token-type-table', 2 * DIM, 0.02);
  const projection = seededNormals('projection-matrix', DIM * DIM, 1 / Math.sqrt(DIM));
  return { wordTable, typeTable, projection };
}

// ---------- ONNX graph ----------

const { FLOAT, INT8, INT64 } = onnx.TensorProto.DataType;

function littleEndianBytes(values, type) {
  if (type === INT8) return new Uint8Array(values.buffer.slice(0));
  const width = type === INT64 ? 8 : 4;
  const view = new DataView(new ArrayBuffer(values.length * width));
  values.forEach((value, i) => {
    if (type === INT64) view.setBigInt64(i * width, BigInt(value), true);
    else view.setFloat32(i * width, value, true);
  });
  return new Uint8Array(view.buffer);
}

function tensor(name, type, dims, values) {
  return { name, dataType: type, dims, rawData: littleEndianBytes(values, type) };
}

function node(opType, inputs, outputs, attribute = []) {
  return { opType, name: `${opType}_${outputs[0]}`, input: inputs, output: outputs, attribute };
}

function valueInfo(name, type, shape) {
  const dim = shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType: type, shape: { dim } } } };
}

/** Symmetric per-tensor int8 quantisation: returns the int8 values and the scale that restores them. */
function quantize(values) {
  let maxAbs = 0;
  for (const value of values) maxAbs = Math.max(maxAbs, Math.abs(value));
  const scale = maxAbs / 127 || 1;
  const quantized = new Int8Array(values.length);
  values.forEach((value, i) => {
    quantized[i] = Math.max(-127, Math.min(127, Math.round(value / scale)));
  });
  return { quantized, scale };
}

/**
 * last_hidden_state = tanh((word[input_ids] + type[token_type_ids]) x W) * attention_mask.
 * The quantized variant stores the word table and W as int8 and dequantizes them in the graph.
 */
function buildModel(vocabSize, weights, quantized) {
  const nodes = [];
  const initializer = [tensor('type_table', FLOAT, [2, DIM], weights.typeTable), tensor('mask_axes', INT64, [1], [-1])];
  if (quantized) {
    const words = quantize(weights.wordTable);
    const projection = quantize(weights.projection);
    initializer.push(
      tensor('word_table_q', INT8, [vocabSize, DIM], words.quantized),
      tensor('word_scale', FLOAT, [], new Float32Array([words.scale])),
      tensor('projection_q', INT8, [DIM, DIM], projection.quantized),
      tensor('projection_scale', FLOAT, [], new Float32Array([projection.scale])),
      tensor('zero_point', INT8, [], new Int8Array([0])),
    );
    nodes.push(
      node('Gather', ['word_table_q', 'input_ids'], ['word_embeddings_q']),
      node('DequantizeLinear', ['word_embeddings_q', 'word_scale', 'zero_point'], ['word_embeddings']),
      node('DequantizeLinear', ['projection_q', 'projection_scale', 'zero_point'], ['projection']),
    );
  } else {
    initializer.push(
      tensor('word_table', FLOAT, [vocabSize, DIM], weights.wordTable),
      tensor('projection', FLOAT, [DIM, DIM], weights.projection),
    );
    nodes.push(node('Gather', ['word_table', 'input_ids'], ['word_embeddings']));
  }
  nodes.push(
    node('Gather', ['type_table', 'token_type_ids'], ['type_embeddings']),
    node('Add', ['word_embeddings', 'type_embeddings'], ['embeddings']),
    node('MatMul', ['embeddings', 'projection'], ['projected']),
    node('Tanh', ['projected'], ['activated']),
    node('Cast', ['attention_mask'], ['mask_float'], [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }]),
    node('Unsqueeze', ['mask_float', 'mask_axes'], ['mask_expanded']),
    node('Mul', ['activated', 'mask_expanded'], ['last_hidden_state']),
  );
  const inputs = ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => valueInfo(name, INT64, ['batch', 'sequence']));
  const model = {
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'visiewijzer-make-test-model',
    graph: {
      name: 'visiewijzer_tiny',
      node: nodes,
      initializer,
      input: inputs,
      output: [valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', DIM])],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

// ---------- tokenizer and config files ----------

function tokenizerJson(vocabulary) {
  const vocab = Object.fromEntries(vocabulary.map((token, id) => [token, id]));
  const special = (token) => ({ id: vocab[token], content: token, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const specialEntry = (token) => ({ id: token, ids: [vocab[token]], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': specialEntry('[CLS]'), '[SEP]': specialEntry('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

const SPECIAL_TOKENS_MAP = { unk_token: '[UNK]', sep_token: '[SEP]', pad_token: '[PAD]', cls_token: '[CLS]', mask_token: '[MASK]' };

function configJson(vocabSize) {
  return {
    _name_or_path: 'visiewijzer-tiny',
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: DIM,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: DIM,
    hidden_act: 'tanh',
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: vocabSize,
    pad_token_id: 0,
    layer_norm_eps: 1e-12,
    torch_dtype: 'float32',
    visiewijzer_test_model: 'Generated by scripts/make-test-model.mjs for offline tests; not a trained model.',
  };
}

const TOKENIZER_CONFIG = {
  tokenizer_class: 'BertTokenizer',
  do_lower_case: true,
  strip_accents: true,
  tokenize_chinese_chars: true,
  model_max_length: 512,
  clean_up_tokenization_spaces: true,
  ...SPECIAL_TOKENS_MAP,
};

/** Writes via a temp file and rename, so parallel runs never leave a half-written file. */
function writeAtomically(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** Writes the whole model folder into `dir`; returns the vocabulary size. */
export function writeTestModel(dir) {
  const vocabulary = buildVocabulary();
  const weights = buildWeights(vocabulary);
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  writeAtomically(join(dir, 'config.json'), json(configJson(vocabulary.length)));
  writeAtomically(join(dir, 'tokenizer.json'), json(tokenizerJson(vocabulary)));
  writeAtomically(join(dir, 'tokenizer_config.json'), json(TOKENIZER_CONFIG));
  writeAtomically(join(dir, 'special_tokens_map.json'), json(SPECIAL_TOKENS_MAP));
  writeAtomically(join(dir, 'onnx', 'model.onnx'), buildModel(vocabulary.length, weights, false));
  // Written last: global test setup treats its presence and age as "the model is complete".
  writeAtomically(join(dir, 'onnx', 'model_quantized.onnx'), buildModel(vocabulary.length, weights, true));
  return vocabulary.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? join('.test-model', 'visiewijzer-tiny'));
  const started = performance.now();
  const vocabSize = writeTestModel(dir);
  const ms = (performance.now() - started).toFixed(0);
  process.stdout.write(`Wrote visiewijzer-tiny (${vocabSize} tokens, dim ${DIM}) to ${dir} in ${ms} ms\n`);
}
