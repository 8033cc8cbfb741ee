// The other side of the interoperability tests: WeCom's own crypto package, driven by one JSON request on
// stdin and answering one JSON object on stdout, so the C# tests need no shell quoting.
//   {"op":"encrypt","key":…,"message":…,"id":…,"random":"<base64 of 16 bytes, optional>"} → {"encrypt":…}
//   {"op":"decrypt","key":…,"encrypt":…}                                                  → {"message":…,"id":…,"random":…}
//   {"op":"sign","token":…,"timestamp":…,"nonce":…,"encrypt":…}                           → {"signature":…}
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  let result;
  switch (request.op) {
    case 'encrypt':
      result = {
        encrypt: encrypt(
          request.key,
          request.message,
          request.id,
          request.random ? Buffer.from(request.random, 'base64') : undefined,
        ),
      };
      break;
    case 'decrypt': {
      const decrypted = decrypt(request.key, request.encrypt);
      const { message, id } = decrypted;
      result = { message, id, random: decrypted.random.toString("base64") };
      break;
    }
    case 'sign':
      result = { signature: getSignature(request.token, request.timestamp, request.nonce, request.encrypt) };
      break;
    default:
      process.stderr.write(`unknown op ${request.op}\n`);
      process.exit(2);
  }
  process.stdout.write(JSON.stringify(result));
});
