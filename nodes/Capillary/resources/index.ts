import type { BuiltResource } from '../shared/operation';
import { apiClient } from './apiClient';
import { badge } from './badge';
import { behaviouralEvent } from './behaviouralEvent';
import { card } from './card';
import { communication } from './communication';
import { company } from './company';
import { coupon } from './coupon';
import { couponUpload } from './couponUpload';
import { customer } from './customer';
import { customerLabel } from './customerLabel';
import { customerLookup } from './customerLookup';
import { customerV11 } from './customerV11';
import { eventLog } from './eventLog';
import { eventNotification } from './eventNotification';
import { fleetHierarchy } from './fleetHierarchy';
import { lead } from './lead';
import { organization } from './organization';
import { otp } from './otp';
import { partnerProgram } from './partnerProgram';
import { piiDeletion } from './piiDeletion';
import { points } from './points';
import { pointsLedger } from './pointsLedger';
import { product } from './product';
import { promotion } from './promotion';
import { referral } from './referral';
import { request } from './request';
import { rewardCatalog } from './rewardCatalog';
import { staff } from './staff';
import { store } from './store';
import { targetGroup } from './targetGroup';
import { task } from './task';
import { transaction } from './transaction';
import { transactionRejection } from './transactionRejection';
import { userAuthentication } from './userAuthentication';
import { userGroup } from './userGroup';

/** Every resource of the node, in the order of the Resource dropdown (resources without operations are left out). */
export const resources: BuiltResource[] = [
	customer,
	customerLookup,
	customerV11,
	transaction,
	points,
	pointsLedger,
	coupon,
	couponUpload,
	card,
	badge,
	rewardCatalog,
	promotion,
	customerLabel,
	userGroup,
	fleetHierarchy,
	referral,
	partnerProgram,
	behaviouralEvent,
	eventLog,
	eventNotification,
	communication,
	otp,
	company,
	lead,
	organization,
	store,
	staff,
	task,
	targetGroup,
	product,
	request,
	transactionRejection,
	piiDeletion,
	userAuthentication,
	apiClient,
].filter((resource) => resource.operationProperty !== undefined);
