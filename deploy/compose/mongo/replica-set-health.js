// Health check of the mongo service (mongosh script, run as root every few seconds by docker-compose.yml).
// 1. Initiates the single-member replica set rs0 the first time it finds none - so no separate init container
//    is needed and a fresh volume comes up by itself. Later runs find the set and change nothing.
// 2. Reports healthy only on a writable primary, so the services start when they can actually write.
// The member is "mongo:27017", the compose service name: the services' driver discovers members by this name.
try {
  rs.status();
} catch (e) {
  const notInitiated = e.codeName === 'NotYetInitialized' || e.code === 94 || /no replset config/i.test(String(e.message));
  if (!notInitiated) {
    throw e; // e.g. still the temporary standalone mongod of the first initialisation: not healthy yet
  }
  print('[replica-set-health] initiating replica set rs0');
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] });
}
if (!db.hello().isWritablePrimary) {
  print('[replica-set-health] not (yet) a writable primary');
  quit(1);
}
