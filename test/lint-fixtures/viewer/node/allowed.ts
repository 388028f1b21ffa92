// lint-expect: clean
// The viewer's Node build scripts are tools, like bench/.
import { NodeWorkerPool } from '../../workers/pool/node-pool.js';
import { runHospital } from '../../sim-core/hospital/run-hospital.js';
export const parts = [NodeWorkerPool, runHospital];
