// The curated knowledge base in full (seeds/kb/), every claim with its references: what the store seeds
// from and the command line answers with. The engine reads the compact ./data.ts instead, so the content
// script does not carry the references to every page.
import type { GovernmentBody, Official, Outlet } from './schema';
import outletsJson from '../../../seeds/kb/outlets.json';
import officialsJson from '../../../seeds/kb/officials.json';
import bodiesJson from '../../../seeds/kb/bodies.json';

export const outlets = outletsJson as unknown as readonly Outlet[];
export const officials = officialsJson as unknown as readonly Official[];
export const bodies = bodiesJson as unknown as readonly GovernmentBody[];
