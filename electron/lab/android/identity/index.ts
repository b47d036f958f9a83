/** Phone identity: vendor, ROM, push channel and push services. */
export { classifyIdentity, type IdentityInput } from './classify';
export { decideChannel, CHANNEL_NAMES, type ChannelDecision, type ChannelReasonKey } from './channel';
export {
  PUSH_SERVICE_PACKAGES,
  findPushServices,
  type InstalledPackages,
  type PushServicePackage,
} from './push-services';
export { detectRom, romLabel, oplusRegion } from './rom';
