import {
  type Language,
  type ParseResult,
  ParserNotLoadedError,
  UnscannableFileError,
} from '../model/language.js';
import type { SourceFile } from '../model/source.js';

/**
 * A language ready to parse after its `init`; when that fails (a grammar's `.wasm` missing beside
 * a bundle), one that reports each of its files as not scanned, with the reason, so the run goes
 * on with the other languages and nothing passes a gate unseen.
 */
export async function setUpLanguage<M>(language: Language<M>): Promise<Language<M>> {
  try {
    await language.init?.();
    return language;
  } catch (error) {
    const reason = `the ${language.id} parser could not be set up (is the installation complete?): ${firstLine(error)}`;
    return {
      id: language.id,
      claims: language.claims,
      ...(language.costPerByte === undefined ? {} : { costPerByte: language.costPerByte }),
      parse: () => {
        throw new UnscannableFileError(reason);
      },
    };
  }
}

/**
 * `language.parse(file)`, loading what the language loads on demand (`Language.load`) when the
 * parse asks for it, then parsing again. A load that fails (a grammar's `.wasm` missing beside a
 * bundle) throws an `UnscannableFileError` saying so: the caller reports the file, and the next file
 * that needs it tries again.
 */
export async function parseLoading<M>(language: Language<M>, file: SourceFile): Promise<ParseResult<M>> {
  try {
    return language.parse(file);
  } catch (error) {
    if (!(error instanceof ParserNotLoadedError) || !language.load) throw error;
  }
  try {
    await language.load();
  } catch (error) {
    throw new UnscannableFileError(
      `the ${language.id} parser could not load what this file needs (is the installation complete?): ${firstLine(error)}`,
    );
  }
  return language.parse(file);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
