// Writes src/seed/seed.schema.json from its source, src/seed/seed-schema.ts (then run prettier on it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedSchema } from '../../src/seed/seed-schema';

writeFileSync(join(__dirname, '..', '..', 'src', 'seed', 'seed.schema.json'), `${JSON.stringify(seedSchema, null, 2)}\n`);
