/** The resources of the Capillary Customers node, one file each (shared builders in common.ts and the *Fields.ts files). */
export { customer } from './profile';
export { customerIdentifier } from './identifier';
export { customerLoyalty } from './loyalty';
export { customerCoupon } from './coupon';
export { customerActivity } from './activity';
export { customerSubscription } from './subscription';
export { customerNote } from './note';
export { customerRequest } from './request';
export { customerHierarchy } from './hierarchy';
export { customerLabel } from './label';
export { referral } from './referral';
export { personalDataDeletion } from './personalDataDeletion';
