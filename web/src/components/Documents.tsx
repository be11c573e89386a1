/** Every document of the archive, in ingest order. */
import type { DocumentsResponse } from '../../../src/server/types.js';
import { useApi } from '../api';
import { baseName, date, num } from '../format';
import { href } from '../router';
import { Pager, Show } from './common';

const PAGE = 50;

export function DocumentsView({ offset }: { offset: number }) {
  const loaded = useApi<DocumentsResponse>('/api/documents', { limit: PAGE, offset });
  return (
    <div class="documents">
      <h1 tabIndex={-1}>Documents</h1>
      <Show loaded={loaded}>
        {(r) => (
          <>
            <div class="table-wrap">
              <table class="list">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Outlet</th>
                    <th scope="col">Published</th>
                    <th scope="col" class="num">
                      Figures
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.documents.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <a href={href.doc(d.id)}>{d.title || baseName(d.source)}</a>
                      </td>
                      <td>{d.outlet}</td>
                      <td>{date(d.published)}</td>
                      <td class="num">{num(d.claims)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager previous={offset > 0 ? href.documents(Math.max(0, offset - PAGE)) : null} next={r.next !== null ? href.documents(r.next) : null} />
          </>
        )}
      </Show>
    </div>
  );
}
