import { checkNamespaceName } from './namespace-name';
import { ControlProblem } from '../control/problem';

export interface NamespaceInfo {
  name: string;
  /** When it was first used (the wall clock). */
  createdAt: string;
}

/**
 * Named, isolated mock instances, each made on first use by `create` (from the
 * start-up seed), at most `limit` at once: one more is a 409 until one is dropped.
 */
export class NamespaceRegistry<T> {
  private readonly entries = new Map<string, { instance: T; createdAt: string }>();

  constructor(
    private readonly create: (name: string) => T,
    readonly limit: number,
    /** Frees what a dropped namespace holds outside the registry (its image data's share of the memory bound). */
    private readonly dispose: (instance: T) => void = () => {},
  ) {}

  /** The namespace, made now if it does not exist yet. */
  get(name: string, field = 'namespace'): T {
    const checked = checkNamespaceName(name, field);
    const entry = this.entries.get(checked);
    if (entry) return entry.instance;
    if (this.entries.size >= this.limit) {
      throw new ControlProblem(
        409,
        `${field}: cannot make namespace ${JSON.stringify(checked)}: ${this.entries.size} namespaces exist, the most allowed ` +
          `(option maxNamespaces / --max-namespaces is ${this.limit}); drop one with DELETE /_mock/namespaces/{name}.`,
        field,
      );
    }
    const instance = this.create(checked);
    this.entries.set(checked, { instance, createdAt: new Date().toISOString() });
    return instance;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Every namespace's instance, in the order they were made. */
  instances(): T[] {
    return [...this.entries.values()].map((entry) => entry.instance);
  }

  list(): NamespaceInfo[] {
    return [...this.entries].map(([name, { createdAt }]) => ({ name, createdAt }));
  }

  /** Forget a namespace and everything in it; false when there was none of that name. */
  drop(name: string): boolean {
    const entry = this.entries.get(checkNamespaceName(name, 'name'));
    if (!entry) return false;
    this.entries.delete(name);
    this.dispose(entry.instance);
    return true;
  }

  clear(): void {
    for (const name of [...this.entries.keys()]) this.drop(name);
  }
}
