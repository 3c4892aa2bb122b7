import { defineResource } from '../../shared/operation';
import { addOperations } from './add';
import { addWithSignUpOperations } from './addWithSignUp';
import { transactionEarningOperations } from './earning';
import { getManyByBillOrIdOperation, getOperations } from './get';
import { updateOperation, updateOrConvertOperation } from './update';

/**
 * Purchases and returns: adding (add.ts, addWithSignUp.ts), updating (update.ts), reading (get.ts)
 * and the points a bill earned (earning.ts). Shared values and field builders: fields.ts.
 */
export const transaction = defineResource({
	value: 'transaction',
	name: 'Transaction',
	description: 'Add, return, update and read purchases',
	default: 'add',
	operations: [
		...addOperations,
		updateOperation,
		...getOperations,
		...addWithSignUpOperations,
		updateOrConvertOperation,
		getManyByBillOrIdOperation,
		...transactionEarningOperations,
	],
});
