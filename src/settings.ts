/** The languages loopscope speaks: the screen, the explanations and the scenarios' own prints. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** The task counts `--scale` offers, by the word the flag takes. */
export const SCALES = { '10k': 10_000, '100k': 100_000 } as const satisfies Record<string, number>;

/**
 * How a run is asked to go: the one object that carries the flags from the command line to the
 * runner (and to the scenario, as ctx.speed, ctx.lang, ctx.scale, ctx.interactive).
 */
export interface RunSettings {
  /** Time scale from 0.1 to 10: 2 means sleeps take half as long. */
  readonly speed: number;
  readonly lang: Lang;
  /** How many tasks a scenario that scales (rush-hour) starts. */
  readonly scale: number;
  /** True when a person can answer (the dashboard): scenarios may then wait for keys. */
  readonly interactive: boolean;
}

/** What a run gets when nothing else is asked for. */
export const DEFAULT_SETTINGS: RunSettings = Object.freeze({ speed: 1, lang: 'en', scale: SCALES['10k'], interactive: false });

/** The lowest and highest speed a run takes (`--speed`, `+`/`-`). */
export const SPEED_RANGE = { min: 0.1, max: 10 } as const;

/** The settings with what `patch` gives applied (a key given as undefined keeps the base's value). */
export function settingsWith(patch: Partial<RunSettings> = {}, base: RunSettings = DEFAULT_SETTINGS): RunSettings {
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return Object.freeze({ ...base, ...given });
}
