/** List searches for the organization and operations resources (tills, stores, lead reasons, target groups …). */
export const operationsSearch = {};
