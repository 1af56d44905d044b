import type { ParsedInputOf } from '../../core/contract/api';
import type { CustomerHit } from '../../core/contract/views';
import { maskPhone } from '../../core/rules/phone';
import { searchCustomers as search } from '../../db/repos/customer-search';
import { currentUser, type ServiceContext } from './context';

/** Customers by name or the last digits of the phone, for the new-ticket form; phones masked. Read only. */
export function searchCustomers(ctx: ServiceContext, input: ParsedInputOf<'customers.search'>): CustomerHit[] {
  currentUser(ctx);
  return search(ctx.db, input.query, input.limit).map((c) => ({ id: c.id, name: c.name, phoneMasked: maskPhone(c.phone), city: c.city }));
}
