import { defineResource } from '../shared/operation';

export const otp = defineResource({
	value: 'otp',
	name: 'OTP',
	description: 'Generate, validate and read one-time passwords',
	operations: [],
});
