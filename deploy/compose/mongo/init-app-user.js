// Creates the application user "huiyin" (mongosh script). The mongo image runs the files of
// /docker-entrypoint-initdb.d once, as the root user, when the data volume is first initialised; it does not run
// them again, so a password changed in the env file later must be changed in MongoDB too (see deploy/README.md).
//
// Least privilege: readWrite on the five service databases (each service uses the database named after itself)
// and nothing on admin - the user is only *defined* in admin (authSource=admin). readWrite covers what the
// services do: CRUD, index creation, change streams and transactions on the replica set.
const password = process.env.MONGO_HUIYIN_PASSWORD;
if (!password) {
  throw new Error('MONGO_HUIYIN_PASSWORD is not set');
}
const databases = ['intake', 'triage', 'joint-meeting', 'follow-up', 'dashboard', 'notifications'];
db.getSiblingDB('admin').createUser({
  user: 'huiyin',
  pwd: password,
  roles: databases.map((name) => ({ role: 'readWrite', db: name })),
});
print(`[init-app-user] created user huiyin with readWrite on ${databases.join(', ')}`);
