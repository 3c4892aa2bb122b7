import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec } from '../../shared/types';

/**
 * The points a transaction earned (docs: _transaction.md "Earning" > "Get Transaction Earning").
 * Its own file in the transaction folder.
 */

/** The bill, its customer and the points per program, without the attribution details. */
function simplifyEarning(entity: IDataObject): IDataObject {
	const bill = (entity.billDetails ?? {}) as IDataObject;
	const earning = (bill.pointsEarningEntities ?? {}) as IDataObject;
	const programs = ((earning.billPoints as IDataObject[] | undefined) ?? []).map((p) => ({
		programId: p.programId,
		...((p.issuedPointsSummary ?? {}) as IDataObject),
		...((p.currentPointsSummary ?? {}) as IDataObject),
	}));
	return {
		id: entity.id,
		customerId: entity.customerId,
		billNumber: bill.billNumber,
		billingTime: bill.billingTime,
		amount: bill.amount,
		points: programs,
	};
}

export const transactionEarningOperations: OperationSpec[] = [
	{
		value: 'getEarning',
		name: 'Get Earning',
		action: 'Get the points a transaction earned',
		description: 'Reads a transaction with the points it earned per loyalty program (issued and current)',
		method: 'GET',
		path: '/v2/earning/{transactionId}',
		fields: [
			{
				displayName: 'Transaction ID',
				name: 'transactionId',
				type: 'string',
				required: true,
				default: '',
				placeholder: '167111742',
				description: "Capillary's ID of the transaction (returned when it was added)",
			},
		],
		output: { simplify: simplifyEarning },
	},
];
