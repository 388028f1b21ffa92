// lint-expect: design/import-arrows notAnArrow
import { App } from '../viewer/src/App.js';
export const app = App;
