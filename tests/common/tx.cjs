// Submitting an extrinsic and waiting for its finalization, shared by the polkadot.js e2e
// tests (ESM, `import`) and the zombienet js-scripts (CommonJS, `require`).

/**
 * Signs and sends `tx` (with signing `options` such as `{ nonce }`); resolves with
 * `{ blockHash, events }` once it is finalized. Rejects with `section.Name` on a dispatch
 * error, or when the pool drops or refuses the transaction.
 */
function sendAndFinalize(api, tx, signer, options = {}) {
  return new Promise((res, rej) => {
    let unsub = null;
    const done = () => unsub && unsub();
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        done();
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          rej(new Error(`${section}.${name}`));
        } else {
          rej(new Error(dispatchError.toString()));
        }
      } else if (status.isFinalized) {
        done();
        res({ blockHash: status.asFinalized, events });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        done();
        rej(new Error(`transaction ${status.type}`));
      }
    })
      .then((u) => {
        unsub = u;
      })
      .catch(rej);
  });
}

module.exports = { sendAndFinalize };
