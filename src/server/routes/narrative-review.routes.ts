import { narrativeReviewApi as api } from '../../shared/api/narrative-review.ts';
import { routeGroup } from './group.ts';
import { STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import {
  approveNarrative,
  decideNarrativeSpan,
  openNarrativeReview,
  readNarrativeQueue,
} from '../commands/narrative-review.ts';
import {
  presentNarrativeQueue,
  presentNarrativeReview,
} from '../presenters/staff/narrative-review.presenter.ts';

const spec = routeSchemas(['narrative review'], STAFF_PROBLEMS);

/** The review of published narratives (issue 17 item 5; docs/public-portal.md). */
export const narrativeReviewRoutes = routeGroup(spec, (route, { ctx }) => {
  route.serve(api.queue, async (request) =>
    presentNarrativeQueue(
      await readNarrativeQueue(ctx.deps(request), request.query),
      request.query,
    ),
  );

  route.serve(api.open, async (request) =>
    presentNarrativeReview(await openNarrativeReview(ctx.deps(request), request.params.logNumber)),
  );

  route.serve(api.decide, async (request) => {
    const { version, ...decision } = request.body;
    return presentNarrativeReview(
      await decideNarrativeSpan(ctx.deps(request), request.params.logNumber, version, decision),
    );
  });

  route.serve(api.approve, async (request) =>
    presentNarrativeReview(
      await approveNarrative(ctx.deps(request), request.params.logNumber, request.body.version),
    ),
  );
});
