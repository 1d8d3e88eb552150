/**
 * The base of every optimizer, after torch.optim.Optimizer (PyTorch 1.13 semantics).
 *
 * - Parameters come either as one iterable of tensors or as parameter groups
 *   `[{ params, ...options }, …]`; a group's options override the constructor's defaults
 *   (`new SGD([{ params: a }, { params: b, lr: 0.1 }], { lr: 0.01, momentum: 0.9 })`).
 * - `step()` updates, in place and under `noGrad`, every parameter whose `.grad` is not null,
 *   group by group, parameter by parameter (the single-tensor algorithms of PyTorch). The new
 *   values are written into the parameter's own storage, allocating nothing, so a reshape view
 *   of it sees them (as in PyTorch) and a graph that saved one refuses to backward afterwards,
 *   while a detached copy (say from module.stateDict()) keeps its values
 *   (autograd/storage-writes.ts). Each intermediate is rounded to the parameter's dtype
 *   exactly as the out-of-place formula would be, so the results are the same to the bit. A
 *   parameter whose `.grad` is null is skipped entirely: its state is neither created nor
 *   advanced (its step count does not move), as in PyTorch. So `step()` with no gradient at
 *   all is a no-op.
 * - `zeroGrad(setToNone = true)` sets every `.grad` to null (PyTorch 2's default) or, with
 *   `false`, to zeros.
 * - The state lives in `optimizer.state`, a Map from parameter to its own record (tensors such
 *   as `expAvg`, and the number `step`); `stateDict()` / `loadStateDict()` save and restore it
 *   together with the groups' options, keyed by the parameter's position (0, 1, … across the
 *   groups in order), as PyTorch's state_dict does.
 *
 * Differences from PyTorch, on purpose: a parameter that does not require grad, a non-leaf
 * tensor and a parameter listed twice are errors (PyTorch accepts the first, and only warns
 * about a duplicate inside a group, which would then be updated twice per step); an option
 * that the optimizer does not know (say `weight_decay` for `weightDecay`) is an error; and
 * stateDict() returns copies of the state tensors, so it is a snapshot.
 */
import { Tensor } from '../tensor/tensor.js';
import { noGrad, enableGrad } from '../autograd/grad-mode.js';
import { formatShape, shapesEqual } from '../tensor/shape.js';
import { cast, toDevice } from '../ops/convert.js';
import { zerosLike } from '../ops/creation.js';

/** A parameter group as passed in: its tensors and any options that differ from the defaults. */
export type ParamGroupSpec<O> = { params: Iterable<Tensor> } & Partial<O>;

/** A parameter group as held by the optimizer: every option resolved. Options may be changed
 * between steps (e.g. `opt.paramGroups[0].lr = 0.001`, as a learning-rate schedule does). */
export type ParamGroup<O> = O & { params: Tensor[] };

/** What an optimizer accepts as its parameters. */
export type ParamsArg<O> = Iterable<Tensor> | Iterable<ParamGroupSpec<O>>;

/** A value of a parameter's state: a tensor (moment estimates, buffers) or a number (step). */
export type StateValue = Tensor | number;
export type ParamState = Record<string, StateValue>;

/** What stateDict() returns: per-parameter state by position, and the groups' options with the
 * positions of their parameters (PyTorch's {'state': …, 'param_groups': …}). */
export interface OptimizerStateDict {
  state: Record<number, ParamState>;
  paramGroups: (Record<string, unknown> & { params: number[] })[];
}

/** What a subclass tells the base: its name (for messages), defaults and option checks. */
export interface OptimizerSpec<O> {
  name: string;
  /** Every option the optimizer knows, with its default (undefined: required, e.g. SGD's lr). */
  defaults: { [K in keyof O]: O[K] | undefined };
  /** Throws if a group's resolved options are invalid (the base checks lr and NaN first). */
  validate?(options: O): void;
}

/** An option error, with the optimizer's name and what a valid value looks like. */
export function invalidOption(optimizer: string, name: string, value: unknown, rule: string): never {
  throw new RangeError(`${optimizer}: invalid ${name} ${formatValue(value)}: ${rule}.`);
}

/** Checks `value` is a number ≥ 0 (and not NaN). */
export function checkNonNegative(optimizer: string, name: string, value: number): void {
  if (!(value >= 0)) invalidOption(optimizer, name, value, `${name} must be a number ≥ 0`);
}

/** Checks Adam-style betas: two numbers, each in [0, 1). */
export function checkBetas(optimizer: string, betas: unknown): void {
  if (!Array.isArray(betas) || betas.length !== 2) {
    invalidOption(optimizer, 'betas', betas, 'betas must be a pair [beta1, beta2], e.g. [0.9, 0.999]');
  }
  betas.forEach((b: unknown, i: number) => {
    if (typeof b !== 'number' || !(b >= 0 && b < 1)) {
      invalidOption(optimizer, `beta${i + 1}`, b, `beta${i + 1} must be in [0, 1) (betas = ${formatValue(betas)})`);
    }
  });
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

const SNAKE_TO_CAMEL = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export abstract class Optimizer<O extends { lr: number } = { lr: number }, S extends object = ParamState> {
  /** The groups, each with its tensors and its resolved options. */
  readonly paramGroups: ParamGroup<O>[] = [];
  /** The options a group gets when it does not give its own. */
  readonly defaults: { [K in keyof O]: O[K] | undefined };
  /** Per-parameter state, created at a parameter's first update (AdaGrad: at construction). */
  readonly state = new Map<Tensor, S>();
  protected readonly name: string;
  private readonly spec: OptimizerSpec<O>;
  private readonly scratchBuffers = new WeakMap<Tensor, Tensor[]>();

  protected constructor(params: ParamsArg<O>, options: Partial<O> | undefined, spec: OptimizerSpec<O>) {
    this.name = spec.name;
    this.spec = spec;
    this.defaults = { ...spec.defaults };
    this.checkKnownOptions(options ?? {}, 'options');
    for (const [key, value] of Object.entries(options ?? {})) {
      if (value !== undefined) (this.defaults as Record<string, unknown>)[key] = value;
    }
    if (params instanceof Tensor || params === null || params === undefined || typeof (params as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
      throw new TypeError(
        `${this.name}: params must be an iterable of tensors (e.g. [w, b] or model.parameters()) or of parameter groups ` +
          `[{ params: [...] , lr: … }], but got ${params instanceof Tensor ? 'a single tensor (wrap it in a list: [p])' : params === null ? 'null' : typeof params}.`,
      );
    }
    const items = [...(params as Iterable<unknown>)];
    if (items.length === 0) throw new Error(`${this.name}: optimizer got an empty parameter list; pass the tensors to optimize.`);
    const groups: ParamGroupSpec<O>[] = items.every((x) => x instanceof Tensor)
      ? [{ params: items as Tensor[] } as unknown as ParamGroupSpec<O>]
      : (items as ParamGroupSpec<O>[]);
    groups.forEach((g) => this.addParamGroup(g));
  }

  /** Adds a group (its own options override the defaults), as torch's add_param_group. */
  addParamGroup(spec: ParamGroupSpec<O>): void {
    if (spec instanceof Tensor || spec === null || typeof spec !== 'object' || !('params' in spec)) {
      throw new TypeError(
        `${this.name}: a parameter group must be an object { params: [tensors], …options }; mixing tensors and groups in one list is not allowed.`,
      );
    }
    const { params, ...rest } = spec as { params: Iterable<Tensor> } & Record<string, unknown>;
    this.checkKnownOptions(rest, `parameter group ${this.paramGroups.length}`);
    if (params instanceof Tensor) throw new TypeError(`${this.name}: a group's params must be a list of tensors; wrap the single tensor: { params: [p] }.`);
    const tensors = [...(params ?? [])];
    if (tensors.length === 0) throw new Error(`${this.name}: optimizer got an empty parameter list (in parameter group ${this.paramGroups.length}).`);
    const seen = new Set<Tensor>(this.paramGroups.flatMap((g) => g.params));
    tensors.forEach((p, i) => {
      const where = `parameter ${i} of group ${this.paramGroups.length}`;
      if (!(p instanceof Tensor)) throw new TypeError(`${this.name}: ${where} is not a Tensor (got ${p === null ? 'null' : typeof p}).`);
      if (!p.requiresGrad) {
        throw new Error(
          `${this.name}: ${where} (shape ${formatShape(p.shape)}) does not require grad, so it would never be updated. ` +
            `Create it with { requiresGrad: true } or call p.requiresGrad_() first.`,
        );
      }
      if (!p.isLeaf) {
        throw new Error(`${this.name}: ${where} is not a leaf tensor (it was computed by an op); optimize the tensor it came from, or .detach().requiresGrad_() it.`);
      }
      if (seen.has(p)) {
        throw new Error(`${this.name}: ${where} appears more than once among the parameters; each tensor may be listed only once.`);
      }
      seen.add(p);
    });
    const options = { ...this.defaults } as Record<string, unknown>;
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) options[key] = value;
    if (Array.isArray(options.betas)) options.betas = [...options.betas];
    for (const [key, value] of Object.entries(options)) {
      if (value === undefined) {
        throw new Error(`${this.name}: the option ${key} is required but was not given (in the options or in parameter group ${this.paramGroups.length}).`);
      }
    }
    this.checkOptions(options as O);
    this.paramGroups.push({ ...(options as O), params: tensors });
  }

  /** Clears every parameter's gradient: to null (default), or to zeros with setToNone = false. */
  zeroGrad(setToNone = true): void {
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        if (setToNone) p.grad = null;
        else {
          const g = p.grad;
          noGrad(() => g.zero_());
        }
      }
    }
  }

  /**
   * One update of every parameter that has a gradient. If a closure is given (as for torch's
   * LBFGS-style API), it is called first with gradients enabled; it should zero the grads,
   * compute the loss and call backward(); its result is returned.
   */
  step<L = undefined>(closure?: () => L): L | undefined {
    let loss: L | undefined;
    if (closure !== undefined) loss = enableGrad(closure);
    for (const group of this.paramGroups) this.checkOptions(group);
    noGrad(() => {
      for (const group of this.paramGroups) {
        for (const p of group.params) {
          const grad = p.grad;
          if (grad === null) continue;
          if (!shapesEqual(grad.shape, p.shape)) {
            throw new Error(`${this.name}.step: a parameter of shape ${formatShape(p.shape)} has a gradient of shape ${formatShape(grad.shape)}.`);
          }
          let state = this.state.get(p);
          if (state === undefined) {
            state = this.initState(p, group);
            this.state.set(p, state);
          }
          this.update(p, grad, state, group);
        }
      }
    });
    return loss;
  }

  /** The state of a parameter before its first update. */
  protected abstract initState(param: Tensor, group: ParamGroup<O>): S;

  /**
   * A work tensor shaped like `param` (two per parameter, by `slot`), kept between steps so an
   * update's intermediate results (λw, η·g, √v + ε, …) are written in place instead of
   * allocated at every step. Not part of the state: it holds nothing from one step to the next.
   */
  protected scratch(param: Tensor, slot: 0 | 1): Tensor {
    let buffers = this.scratchBuffers.get(param);
    if (buffers === undefined) this.scratchBuffers.set(param, (buffers = []));
    const current = buffers[slot];
    if (current !== undefined && current.dtype === param.dtype && current.device === param.device) return current;
    // (Re)made on first use and after module.to(...) changed the parameter's dtype or device.
    return (buffers[slot] = zerosLike(param));
  }

  /** One update of one parameter (called under noGrad; grad is not null). */
  protected abstract update(param: Tensor, grad: Tensor, state: S, group: ParamGroup<O>): void;

  /** The state and the groups' options; state tensors are copied (a snapshot). */
  stateDict(): OptimizerStateDict {
    const index = new Map<Tensor, number>();
    const paramGroups = this.paramGroups.map((group) => {
      const { params, ...options } = group as ParamGroup<O> & Record<string, unknown>;
      const copy: Record<string, unknown> = { ...options };
      if (Array.isArray(copy.betas)) copy.betas = [...copy.betas];
      return {
        ...copy,
        params: params.map((p) => {
          index.set(p, index.size);
          return index.size - 1;
        }),
      };
    });
    const state: Record<number, ParamState> = {};
    for (const [p, s] of this.state) {
      const i = index.get(p);
      if (i === undefined) continue;
      state[i] = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v instanceof Tensor ? noGrad(() => v.clone()) : v]));
    }
    return { state, paramGroups };
  }

  /**
   * Restores what stateDict() returned (possibly from another optimizer of the same kind over
   * parameters of the same shapes, in the same order): the state (tensors copied and cast to
   * each parameter's dtype and device) and every group's options.
   */
  loadStateDict(stateDict: OptimizerStateDict): void {
    const saved = stateDict?.paramGroups;
    if (!Array.isArray(saved) || typeof stateDict.state !== 'object' || stateDict.state === null) {
      throw new TypeError(`${this.name}.loadStateDict: expected an object { state, paramGroups } as returned by stateDict().`);
    }
    if (saved.length !== this.paramGroups.length) {
      throw new Error(`${this.name}.loadStateDict: the state dict has ${saved.length} parameter groups but the optimizer has ${this.paramGroups.length}.`);
    }
    const byIndex = new Map<number, Tensor>();
    saved.forEach((g, gi) => {
      const mine = this.paramGroups[gi].params;
      if (!Array.isArray(g.params) || g.params.length !== mine.length) {
        throw new Error(
          `${this.name}.loadStateDict: parameter group ${gi} has ${Array.isArray(g.params) ? g.params.length : 'no'} parameters in the state dict but ${mine.length} in the optimizer.`,
        );
      }
      g.params.forEach((id, k) => byIndex.set(id, mine[k]));
      const { params: _ignored, ...options } = g;
      this.checkKnownOptions(options, `parameter group ${gi} of the state dict`);
    });
    const newState = new Map<Tensor, S>();
    for (const [key, s] of Object.entries(stateDict.state)) {
      const p = byIndex.get(Number(key));
      if (p === undefined) throw new Error(`${this.name}.loadStateDict: the state dict has state for parameter ${key}, which no group lists.`);
      const restored: ParamState = {};
      for (const [name, v] of Object.entries(s)) {
        if (v instanceof Tensor) {
          if (!shapesEqual(v.shape, p.shape)) {
            throw new Error(
              `${this.name}.loadStateDict: state '${name}' of parameter ${key} has shape ${formatShape(v.shape)} but the parameter has shape ${formatShape(p.shape)}.`,
            );
          }
          restored[name] = noGrad(() => cast(toDevice(v, p.device), p.dtype).clone());
        } else restored[name] = v;
      }
      newState.set(p, restored as S);
    }
    // Options are checked before anything is changed, so a bad dict leaves the optimizer as it was.
    const newOptions = saved.map((g, gi) => {
      const { params: _ignored, ...options } = g;
      const merged: Record<string, unknown> = { ...this.paramGroups[gi], ...options };
      if (Array.isArray(merged.betas)) merged.betas = [...merged.betas];
      this.checkOptions(merged as unknown as O);
      return merged;
    });
    newOptions.forEach((merged, gi) => Object.assign(this.paramGroups[gi], merged, { params: this.paramGroups[gi].params }));
    this.state.clear();
    for (const [p, s] of newState) this.state.set(p, s);
  }

  private checkKnownOptions(options: object, where: string): void {
    for (const key of Object.keys(options)) {
      if (key in this.defaults) continue;
      const camel = SNAKE_TO_CAMEL(key);
      const hint = camel !== key && camel in this.defaults ? ` (did you mean ${camel}? options are camelCase)` : '';
      throw new TypeError(`${this.name}: unknown option '${key}' in ${where}${hint}; known options: ${Object.keys(this.defaults).join(', ')}.`);
    }
  }

  private checkOptions(options: O): void {
    const lr = options.lr;
    if (typeof lr !== 'number' || !(lr >= 0) || lr === Infinity) {
      invalidOption(this.name, 'learning rate lr', lr, 'lr must be a finite number ≥ 0');
    }
    for (const [key, value] of Object.entries(options)) {
      if (key === 'params') continue;
      if (typeof value === 'number' && Number.isNaN(value)) invalidOption(this.name, key, value, `${key} must be a number, not NaN`);
      const reference = (this.spec.defaults as Record<string, unknown>)[key];
      const expected = typeof reference;
      if ((expected === 'number' || expected === 'boolean') && typeof value !== expected) {
        invalidOption(this.name, key, value, `${key} must be a ${expected}`);
      }
    }
    this.spec.validate?.(options);
  }
}
