// The piscina worker's entry as plain JavaScript: worker threads do not inherit the parent's TypeScript loader, so
// register tsx here (rotor's source and users' strategy files are TypeScript), then load the worker itself.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
