/**
 * The same endpoint on Express 5: the `v3Collection` middleware answers the V3 400 itself, or hands
 * the route a typed request whose WHERE, ORDER BY and page are ready for SQL. The README's tour
 * shows `executionsApp` as it is written here.
 *
 *   npx tsx examples/express.ts         # listens on http://localhost:3000, sample rows in memory
 *   curl 'http://localhost:3000/v3/workflows/w1/executions?filters=status+eq+%22Failed%22'
 */
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import express from 'express';
import { workflowExecutionsSchema } from '../src/index.js';
import { v3Collection } from '../src/integrations/express/index.js';

// The table: executions(id, workflow_id, status, start_time), start_time as toSqlDateTime writes it.
export function executionsApp(db: Database.Database): express.Express {
  const app = express();
  const collection = v3Collection(workflowExecutionsSchema, { dialect: 'sqlite' });
  app.get('/v3/workflows/:id/executions', collection, (req, res) => {
    const { where, orderBy, limit, offset } = res.locals.collection;
    const filter = where('sqlite'); // status eq "Failed": lower("status") = lower(?), ['Failed']
    const rows = db
      .prepare(`SELECT id, status, start_time FROM executions
        WHERE workflow_id = ? AND ${filter.sql} ${orderBy('sqlite')} LIMIT ? OFFSET ?`)
      .all(req.params.id, ...filter.params, limit, offset);
    res.json(rows);
  });
  return app;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { openDatabase } = await import('./server.js');
  const port = Number(process.env.PORT ?? 3000);
  executionsApp(openDatabase()).listen(port, () =>
    console.log(`GET http://localhost:${port}/v3/workflows/w1/executions?filters=...`),
  );
}
