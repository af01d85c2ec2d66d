import QRCode from 'qrcode';

/**
 * A QR code as an SVG document, made by hoithi itself (a hall without internet: no QR service) with
 * the `qrcode` dependency the certificates already use (prizes/certificate-pdf.ts). Medium error
 * correction, a quiet zone of 2 modules: a projected code is read from across a hall even when a
 * little of it is washed out. The SVG scales to any size (viewBox), black on white whatever the theme.
 */
export async function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
}
