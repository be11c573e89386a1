/** PostgreSQL store: see issue "Scale". Placeholder until implemented. */
import { ReckonError } from '../core/errors.js';
export class PostgresStore {
  constructor(url: string) {
    void url;
    throw new ReckonError('STORE', 'the PostgreSQL store is not built yet');
  }
}
