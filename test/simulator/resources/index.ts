/**
 * Every resource group's handlers, mirroring nodes/Capillary/resources/. A group file exports
 * `register(router, sim)` and keeps its state in `sim.state`.
 */
import type { Router } from '../http';
import type { Simulator } from '../server';
import * as apiClient from './apiClient';
import * as badge from './badge';
import * as behaviouralEvent from './behaviouralEvent';
import * as behaviouralEventAdmin from './behaviouralEventAdmin';
import * as card from './card';
import * as cardSeries from './cardSeries';
import * as communication from './communication';
import * as company from './company';
import * as coupon from './coupon';
import * as couponUpload from './couponUpload';
import * as customer from './customer';
import * as customerLabel from './customerLabel';
import * as customerLookup from './customerLookup';
import * as customerV11 from './customerV11';
import * as eventLog from './eventLog';
import * as eventNotification from './eventNotification';
import * as fleetHierarchy from './fleetHierarchy';
import * as lead from './lead';
import * as organization from './organization';
import * as organizationExtras from './organizationExtras';
import * as otp from './otp';
import * as partnerProgram from './partnerProgram';
import * as piiDeletion from './piiDeletion';
import * as points from './points';
import * as pointsLedger from './pointsLedger';
import * as product from './product';
import * as promotion from './promotion';
import * as referral from './referral';
import * as request from './request';
import * as rewardCatalog from './rewardCatalog';
import * as staff from './staff';
import * as store from './store';
import * as targetGroup from './targetGroup';
import * as task from './task';
import * as transaction from './transaction';
import * as transactionEarning from './transactionEarning';
import * as transactionRejection from './transactionRejection';
import * as userAuthentication from './userAuthentication';
import * as userGroup from './userGroup';

const groups: Array<{ register: (router: Router, sim: Simulator) => void }> = [
	apiClient,
	badge,
	behaviouralEvent,
	behaviouralEventAdmin,
	card,
	cardSeries,
	communication,
	company,
	coupon,
	couponUpload,
	customer,
	customerLabel,
	customerLookup,
	customerV11,
	eventLog,
	eventNotification,
	fleetHierarchy,
	lead,
	organization,
	organizationExtras,
	otp,
	partnerProgram,
	piiDeletion,
	points,
	pointsLedger,
	product,
	promotion,
	referral,
	request,
	rewardCatalog,
	staff,
	store,
	targetGroup,
	task,
	transaction,
	transactionEarning,
	transactionRejection,
	userAuthentication,
	userGroup,
];

export function registerResources(router: Router, sim: Simulator): void {
	for (const group of groups) group.register(router, sim);
}
