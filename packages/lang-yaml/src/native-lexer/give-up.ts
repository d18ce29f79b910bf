/**
 * Thrown inside the native lexer when the text holds something it does not read exactly as the
 * `yaml` Lexer does; `lexNative` turns it into `undefined`. Not an `Error`: no stack is captured,
 * and giving up is an answer, not a failure.
 */
export class GiveUp {
  constructor(readonly reason: string) {}
}

export function giveUp(reason: string): never {
  throw new GiveUp(reason);
}
