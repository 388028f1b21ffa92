/** The figure catalogue now lives in scenarios/ (the viewer shares it); the CLI's names stay. */
export { describeFigure, figureContext, orderFigures, SECTIONS, type FigureContext, type FigureInfo, type SectionId } from '../scenarios/index.js';
