/** The mapping files that ship with calibration, offered by name so a log can be calibrated without writing one. */
import exportLogMapping from '../../../calibration/maps/export-log.yaml?raw';
import mimicMapping from '../../../calibration/maps/mimic-iv-transfers.yaml?raw';
import sepsisMapping from '../../../calibration/maps/sepsis.yaml?raw';

export interface BuiltinMapping {
  key: string;
  label: string;
  /** The file name the report shows. */
  file: string;
  text: string;
}

export const BUILTIN_MAPPINGS: BuiltinMapping[] = [
  { key: 'sepsis', label: 'Sepsis Cases log (4TU, semicolon CSV)', file: 'calibration/maps/sepsis.yaml', text: sepsisMapping },
  { key: 'mimic-iv-transfers', label: 'MIMIC-IV transfers table (PhysioNet demo)', file: 'calibration/maps/mimic-iv-transfers.yaml', text: mimicMapping },
  { key: 'export-log', label: 'A log written by hospital-twin export-log', file: 'calibration/maps/export-log.yaml', text: exportLogMapping },
];
