import { AppError } from './errors';
import { currentScope } from './request-context';
import { t as translate } from './messages';

/**
 * A state machine written once as data: each action lists the states it may start from and the state
 * it leads to. Resolvers, jobs and webhooks all move aggregates through `apply`, so an illegal move
 * fails the same way everywhere: CONFLICT naming the current state and the requested one.
 */
export interface StateMachine<S extends string, A extends string> {
  readonly name: string;
  can(state: S, action: A): boolean;
  /** The state `action` leads to from `state`; throws CONFLICT when it is not allowed. */
  apply(state: S, action: A): S;
  allowedActions(state: S): A[];
}

export function defineStateMachine<S extends string, A extends string>(
  name: string,
  labels: { entity: { id: string; en: string } },
  transitions: Record<A, { from: readonly S[]; to: S }>,
): StateMachine<S, A> {
  const actions = Object.keys(transitions) as A[];
  return {
    name,
    can: (state, action) => transitions[action].from.includes(state),
    apply(state, action) {
      const t = transitions[action];
      if (!t.from.includes(state)) {
        const lang = currentScope()?.locale ?? 'id';
        const message = translate('state.conflict', { entity: labels.entity[lang], state, to: t.to, action }, lang);
        throw new AppError('CONFLICT', message, { entity: name, currentState: state, requestedState: t.to, action });
      }
      return t.to;
    },
    allowedActions: (state) => actions.filter((a) => transitions[a].from.includes(state)),
  };
}
