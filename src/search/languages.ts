/**
 * Names of the languages services are offered in, in Finnish (with its common inflected
 * stem), Swedish and English, so that "arabiaksi" or "english speaking" finds services
 * by their language codes.
 */
const NAMES: Record<string, string[]> = {
  fi: ['suomi', 'suomeksi', 'finska', 'finnish'],
  sv: ['ruotsi', 'ruotsiksi', 'svenska', 'swedish'],
  en: ['englanti', 'englanniksi', 'engelska', 'english'],
  ru: ['venäjä', 'venäjäksi', 'ryska', 'russian'],
  ar: ['arabia', 'arabiaksi', 'arabiska', 'arabic'],
  so: ['somali', 'somaliksi', 'somaliska', 'somali'],
  et: ['viro', 'viroksi', 'estniska', 'estonian'],
  fa: ['persia', 'persiaksi', 'farsi', 'persiska', 'persian'],
  ku: ['kurdi', 'kurdiksi', 'kurdiska', 'kurdish'],
  uk: ['ukraina', 'ukrainaksi', 'ukrainska', 'ukrainian'],
  se: ['saame', 'saameksi', 'samiska', 'sami'],
  tr: ['turkki', 'turkiksi', 'turkiska', 'turkish'],
  zh: ['kiina', 'kiinaksi', 'kinesiska', 'chinese'],
  th: ['thai', 'thaiksi', 'thailändska'],
  vi: ['vietnam', 'vietnamiksi', 'vietnamesiska', 'vietnamese'],
  es: ['espanja', 'espanjaksi', 'spanska', 'spanish'],
  fr: ['ranska', 'ranskaksi', 'franska', 'french'],
  de: ['saksa', 'saksaksi', 'tyska', 'german'],
  sq: ['albania', 'albaniaksi', 'albanska', 'albanian'],
  ti: ['tigrinja', 'tigrinjaksi', 'tigrinska', 'tigrinya'],
  dar: ['dari', 'dariksi'],
};

export function languageNames(code: string): string[] {
  return NAMES[code] ?? [];
}

export const LANGUAGE_NAME_WORDS: string[] = Object.values(NAMES).flat();
