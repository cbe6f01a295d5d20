/** Thrown by a subcommand to end the program with this exit code, having printed what it had to. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
