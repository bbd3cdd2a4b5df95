import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/index.js';
import { cli } from '../helpers/cli.js';
import { englishIn, englishWords, KEPT_IN_SPANISH, SEED_OUTPUT, wordsOf } from '../helpers/english-words.js';

/**
 * Lines each scenario prints with --lang es (numbers as \d), what it would have said in English,
 * and the names it gives its tasks and futures besides numbered ones (order-1).
 */
const PRINTS: Record<string, { readonly es: readonly RegExp[]; readonly en?: RegExp; readonly names?: readonly string[] }> = {
  seed: { es: [/^This is a synchronous function$/m, /^Sync Results: Test$/m, /^elapsed \d\.\d{3}s$/m] },
  'sync-vs-async': {
    es: [/^subway-1: pedido tomado$/m, /^mcdonalds-3: servido$/m, /^Subway: 3 pedidos en \d+ ms; un temporizador de 0 ms saltó \d+ ms tarde \(el loop estaba congelado\)$/m, /^síncrono \d+ ms vs asíncrono \d+ ms/m],
    en: /order taken|served$|timer fired/m,
  },
  futures: {
    es: [/^future vacío: <Future pending>$/m, /^await order -> 'pedido listo' tras \d+ ms$/m, /^\(sin panel: se resuelve solo en 300 ms\)$/m, /^callback al terminar: 'ding'$/m],
    en: /Empty future|order ready|by itself|done callback/,
    names: ['order', 'your-answer'],
  },
  coroutines: {
    es: [/^llamando a brew\('cup-1'\)$/m, /^brew\(cup-1\): arranca el cuerpo$/m, /^await -> 'cup-2 hervido'$/m, /^recibido <coroutine object brew>, y nadie le hizo await$/m],
    en: /calling|body starts|brewed|boiled|^got /m,
    names: ['brew', 'boil'],
  },
  tasks: { es: [/^order-1: cocinando 100 ms$/m, /^await order-2 lanzó CancelledError: el cliente se fue$/m, /^await order-3 lanzó Error: order-3: se quemaron las papas$/m], en: /cooking|grill|customer|fries|raised/ },
  'event-loop': { es: [/^síncrono: un callback por fase, a la agenda$/m, /^1\. nextTick {2}process\.nextTick/m], en: /schedule|fired yet/ },
  concurrency: {
    es: [/^secuencial: 3 × 100 ms en \d+ ms$/m, /^según terminan: fast \(\+\d+ ms\)$/m, /^ {2}dentro: Error: upload-3: conexión reiniciada$/m, /^upload-2: cancelada$/m],
    en: /sequential|as completed|inside|connection reset|at most/,
    names: ['slow-page', 'slow', 'fast', 'medium'],
  },
  'cpu-async': { es: [/^3 trabajos, cada uno cuenta los primos por debajo de 1,500,000$/m, /^gather \/ secuencial = \d\.\d\d/m], en: /jobs, each|primes|would be no faster/ },
  threads: {
    es: [/^hilo principal, un trabajo tras otro: \d+ ms/m, /^aceleración \d+\.\d\dx con \d+ hilos/m, /^las primeras 4 acabaron a los \d+ ms/m],
    en: /main thread|speedup|were done by/,
    names: ['pbkdf2'],
  },
  processes: { es: [/^arranque 1: hilo \d+ ms, proceso hijo \d+ ms$/m, /^aceleración \d+\.\d\dx con \d+ procesos$/m], en: /start-up|child process|speedup/ },
  'io-bound': { es: [/^de una en una: 50 peticiones en \d+ ms, \d+ pet\/s$/m, /^servidor cerrado, sockets destruidos$/m], en: /one by one|requests|server closed/ },
  queue: { es: [/ producer-1 puso producer-1:1 \(\d\/3\)$/m, /^tamaño de la cola cada 40 ms: /m], en: / put | got |waits: queue full|queue size/ },
  'rush-hour': {
    es: [/^hora punta: 10,000 coches/m, /^los 10,000 terminaron: [\d,]+ resueltos, \d+ rechazados, \d+ cancelados$/m],
    en: /rush hour:|cars|settled:|tasks\/s; the longest/,
    names: ['supervisor'],
  },
};

describe('--headless --lang es', () => {
  it('every scenario prints in Spanish (the seed as the notes’ program does), and says how it ended in Spanish', () => {
    expect(Object.keys(PRINTS).sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
    // Every scenario in one run: the CPU-bound ones take a while on a busy machine.
    const run = cli(['--headless', '--all', '--lang', 'es'], { UV_THREADPOOL_SIZE: '' }, 170_000);
    expect(run.code).toBe(0);
    const sections = run.stdout.split(/^== /m).slice(1);
    const english = englishWords();
    SCENARIOS.forEach((scenario, i) => {
      const section = sections[i]!;
      expect(section.startsWith(`${scenario.id}: `)).toBe(true);
      for (const line of PRINTS[scenario.id]!.es) expect(section, scenario.id).toMatch(line);
      if (PRINTS[scenario.id]!.en) expect(section, scenario.id).not.toMatch(PRINTS[scenario.id]!.en!);
      // The names of its tasks and futures (order-1, your-answer) are the program's own words.
      const numbered = section.match(/\b[a-z]+-\d+\b/g) ?? [];
      const names = [...numbered, ...(PRINTS[scenario.id]!.names ?? [])].flatMap(wordsOf);
      const allowed = new Set([...KEPT_IN_SPANISH, ...names, ...(scenario.id === 'seed' ? wordsOf(SEED_OUTPUT) : [])]);
      expect(englishIn(section.split('\n').slice(1).join('\n'), english, allowed), scenario.id).toEqual([]);
      expect(run.stderr).toMatch(new RegExp(`^✓ ${scenario.id} terminó en \\d+ ms · \\d+ entidades · nada quedó vivo$`, 'm'));
    });
    expect(run.stderr).not.toMatch(/ended|entities|nothing left/);
  }, 180_000);
});
