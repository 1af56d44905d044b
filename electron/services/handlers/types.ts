import type { OutputOf, ParsedInputOf } from '../../../core/contract/api';
import type { MethodName } from '../../../core/contract/methods';
import type { ServiceContext } from '../context';

export type Handler<M extends MethodName> = (ctx: ServiceContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;

/** A domain's handler map: exactly the names given (a missing or extra name is a type error). */
export type HandlersFor<M extends MethodName> = { [K in M]: Handler<K> };
