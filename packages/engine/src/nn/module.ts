import { noGrad } from '../autograd/grad-mode.js';
import { isDType } from '../tensor/dtype.js';
import { formatShape, shapesEqual } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { cast, toDevice } from '../ops/convert.js';
import { Parameter } from './parameter.js';
import { loadSafetensors, saveSafetensors } from './serialization/safetensors.js';

export type StateDict = Record<string, Tensor>;

/**
 * The base of every layer and model (torch.nn.Module). Parameters and sub-modules are found
 * by walking the object's own properties in the order they were assigned, so
 * `this.fc1 = new Linear(…)` registers fc1 and its weight appears as "fc1.weight".
 */
export abstract class Module {
  training = true;
  private readonly buffers = new Set<string>();

  abstract forward(...inputs: Tensor[]): Tensor;

  /** Keeps a non-trainable tensor (e.g. running statistics) in stateDict and moves it with to(). */
  registerBuffer(name: string, value: Tensor): void {
    (this as unknown as Record<string, unknown>)[name] = value;
    this.buffers.add(name);
  }

  *namedChildren(): Generator<[string, Module]> {
    for (const [name, value] of Object.entries(this)) {
      if (value instanceof Module) yield [name, value];
    }
  }

  children(): Module[] {
    return [...this.namedChildren()].map(([, m]) => m);
  }

  /** This module and every module below it, depth first, with dotted names ('' for this one). */
  *namedModules(prefix = ''): Generator<[string, Module]> {
    yield [prefix, this];
    for (const [name, child] of this.namedChildren()) {
      yield* child.namedModules(prefix ? `${prefix}.${name}` : name);
    }
  }

  modules(): Module[] {
    return [...this.namedModules()].map(([, m]) => m);
  }

  *namedParameters(prefix = '', recurse = true): Generator<[string, Parameter]> {
    const seen = new Set<Tensor>();
    const modules = recurse ? this.namedModules(prefix) : ([[prefix, this]] as Iterable<[string, Module]>);
    for (const [modulePrefix, module] of modules) {
      for (const [name, value] of Object.entries(module)) {
        if (value instanceof Parameter && !seen.has(value)) {
          seen.add(value);
          yield [modulePrefix ? `${modulePrefix}.${name}` : name, value];
        }
      }
    }
  }

  parameters(recurse = true): Parameter[] {
    return [...this.namedParameters('', recurse)].map(([, p]) => p);
  }

  *namedBuffers(prefix = ''): Generator<[string, Tensor]> {
    for (const [modulePrefix, module] of this.namedModules(prefix)) {
      for (const name of module.buffers) {
        const value = (module as unknown as Record<string, unknown>)[name];
        if (value instanceof Tensor) yield [modulePrefix ? `${modulePrefix}.${name}` : name, value];
      }
    }
  }

  /** Total number of scalar parameters. */
  numParameters(): number {
    return this.parameters().reduce((n, p) => n + p.numel(), 0);
  }

  /** Training mode (the default) or evaluation mode; see eval(). */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /**
   * Evaluation mode. Besides what torch's eval() means (layers like dropout behave as at test
   * time), the built-in layers record no graph in this mode, as if inside noGrad().
   */
  eval(): this {
    return this.train(false);
  }

  /** Runs fn without recording a graph when the module is in eval mode. */
  protected inMode<T>(fn: () => T): T {
    return this.training ? fn() : noGrad(fn);
  }

  /** Clears every parameter's gradient (to null, as torch ≥ 2 does by default). */
  zeroGrad(setToNone = true): void {
    for (const p of this.parameters()) {
      if (setToNone || p.grad === null) p.grad = null;
      else p.grad = p.grad.mul(0);
    }
  }

  /** Moves or converts every parameter and buffer in place: model.to('webgpu'), model.to('float64'). */
  to(target: string): this {
    const convert = (t: Tensor): Tensor => (isDType(target) ? cast(t, target) : toDevice(t, target));
    noGrad(() => {
      for (const p of this.parameters()) {
        p.replaceData(convert(p.detach()));
        if (p.grad !== null) p.grad = convert(p.grad);
      }
      for (const [, b] of this.namedBuffers()) b.replaceData(convert(b.detach()));
    });
    return this;
  }

  double(): this {
    return this.to('float64');
  }

  float(): this {
    return this.to('float32');
  }

  cpu(): this {
    return this.to('cpu');
  }

  /** name → tensor for every parameter and buffer (detached; they share storage). */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [name, p] of this.namedParameters()) out[name] = p.detach();
    for (const [name, b] of this.namedBuffers()) out[name] = b.detach();
    return out;
  }

  /**
   * Copies values from a state dict into this module's parameters and buffers. With strict
   * (the default) missing and unexpected names are errors, as in torch.
   */
  loadStateDict(state: StateDict, options: { strict?: boolean } = {}): { missing: string[]; unexpected: string[] } {
    const strict = options.strict ?? true;
    const own = new Map<string, Tensor>([...this.namedParameters(), ...this.namedBuffers()]);
    const missing = [...own.keys()].filter((k) => !(k in state));
    const unexpected = Object.keys(state).filter((k) => !own.has(k));
    if (strict && (missing.length || unexpected.length)) {
      throw new Error(
        `loadStateDict: the state dict does not match the model. ` +
          (missing.length ? `Missing: ${missing.join(', ')}. ` : '') +
          (unexpected.length ? `Unexpected: ${unexpected.join(', ')}. ` : '') +
          `Expected names: ${[...own.keys()].join(', ')}. Pass { strict: false } to load only the names that match.`,
      );
    }
    noGrad(() => {
      for (const [name, target] of own) {
        const source = state[name];
        if (source === undefined) continue;
        if (!(source instanceof Tensor)) throw new TypeError(`loadStateDict: '${name}' is not a Tensor.`);
        if (!shapesEqual(source.shape, target.shape)) {
          throw new RangeError(`loadStateDict: '${name}' has shape ${formatShape(source.shape)} in the state dict but ${formatShape(target.shape)} in the model.`);
        }
        target.replaceData(cast(toDevice(source.detach(), target.device), target.dtype));
      }
    });
    return { missing, unexpected };
  }

  /** Saves the state dict as a .safetensors file (readable by PyTorch's safetensors package). */
  async save(path: string): Promise<void> {
    await saveSafetensors(path, this.stateDict());
  }

  /** Loads a state dict written by save() (or by safetensors in Python). */
  async load(path: string, options: { strict?: boolean } = {}): Promise<this> {
    this.loadStateDict(await loadSafetensors(path), options);
    return this;
  }

  /** Extra text shown in the printed module, e.g. "in_features=784, out_features=256". */
  protected extraRepr(): string {
    return '';
  }

  toString(): string {
    const children = [...this.namedChildren()];
    const head = `${this.constructor.name}(${this.extraRepr()}`;
    if (children.length === 0) return `${head})`;
    const lines = children.map(([name, child]) => `  (${name}): ${child.toString().split('\n').join('\n  ')}`);
    return `${head}\n${lines.join('\n')}\n)`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
