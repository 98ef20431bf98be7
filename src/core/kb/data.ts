// The curated knowledge base (seeds/kb/), typed. Bundled at build time: the extension asks no server.
import type { GovernmentBody, Official, Outlet } from './schema';
import outletsJson from '../../../seeds/kb/outlets.json';
import officialsJson from '../../../seeds/kb/officials.json';
import bodiesJson from '../../../seeds/kb/bodies.json';

export const outlets = outletsJson as unknown as readonly Outlet[];
export const officials = officialsJson as unknown as readonly Official[];
export const bodies = bodiesJson as unknown as readonly GovernmentBody[];
