// The ES module entry: re-exports the CommonJS build, so both entries share one instance.
import glanceMock from '../dist/index.js';

export const {
  createGlanceMock,
  startGlanceMock,
  createApp,
  DEFAULT_MEMBER_QUOTA,
  loadSeedFile,
  validateSeed,
  generateSeed,
  SeedError,
  FixedClock,
  systemClock,
  seededIds,
  randomIds,
  GlanceError,
  GlanceMessages,
  allCases,
  casesOf,
  CASE_SETS,
  runCases,
  differences,
  compareAll,
  buildReport,
  formatReport,
  trustedHeaderIdentities,
  tokenIdentities,
  expectationsFile,
  readExpectations,
  recordingName,
  writeExpectations,
} = glanceMock;
export default glanceMock;
