/**
 * Per-platform knowledge for shared/ and the renderer (issue 11): the PLATFORMS table and the
 * lookups built on it. The renderer's per-platform UI pieces are in renderer/src/platforms.
 */
export {
  PLATFORMS,
  PLATFORM_IDS,
  platformFacts,
  platformOfChannel,
  platformOfSerial,
  platformsTaking,
  simulatedPlatforms,
  type BuildKind,
  type PlatformFacts,
} from './platform-facts';
export { buildFor, buildOfJob, byBuild, type PerBuild } from './install-builds';
