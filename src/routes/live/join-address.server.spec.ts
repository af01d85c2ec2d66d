import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { joinOrigin, lanAddress } from './join-address.server';

const nic = (address: string, internal = false): os.NetworkInterfaceInfo =>
	({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }) as os.NetworkInterfaceInfo;

const hall = { lo: [nic('127.0.0.1', true)], docker0: [nic('172.17.0.1')], wlan0: [nic('192.168.1.23')] };

describe('joinOrigin', () => {
	it('gives phones the laptop’s Wi-Fi address when the big screen runs at localhost', () => {
		expect(joinOrigin(new URL('http://localhost:3000/live/host/1/screen'), undefined, hall)).toBe('http://192.168.1.23:3000');
		expect(joinOrigin(new URL('http://127.0.0.1:3000/x'), undefined, hall)).toBe('http://192.168.1.23:3000');
	});

	it('keeps the address the screen was opened at otherwise', () => {
		expect(joinOrigin(new URL('http://192.168.1.23:3000/x'), undefined, hall)).toBe('http://192.168.1.23:3000');
		expect(joinOrigin(new URL('https://hoithi.example.vn/x'), undefined, hall)).toBe('https://hoithi.example.vn');
	});

	it('uses ORIGIN when it is set', () => {
		expect(joinOrigin(new URL('http://localhost:3000/x'), 'https://hoithi.example.vn/', hall)).toBe('https://hoithi.example.vn');
	});

	it('falls back to the request when the machine has no network', () => {
		expect(joinOrigin(new URL('http://localhost:3000/x'), undefined, { lo: [nic('127.0.0.1', true)] })).toBe('http://localhost:3000');
	});
});

describe('lanAddress', () => {
	it('prefers home/office ranges and skips container bridges', () => {
		expect(lanAddress({ docker0: [nic('172.17.0.1')], eth0: [nic('10.0.0.5')] })).toBe('10.0.0.5');
		expect(lanAddress({ eth0: [nic('10.0.0.5')], wlan0: [nic('192.168.0.9')] })).toBe('192.168.0.9');
	});
});
